"""The `briefing` command: build a briefing site from any folder of articles, or check one."""

from __future__ import annotations

import logging
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import cast

import click
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from generator.exceptions import BriefingError
from generator.model import Briefing, Ref
from generator.pipeline import build_briefing, default_workers
from generator.plugin import BriefingPlugin
from generator.progress import reporter

# Used when the working directory has no mkdocs.yml: the same theme, plugins and checks.
DEFAULT_CONFIG = """\
site_name: Briefing
theme:
  name: material
  font: false
  features: [navigation.instant, navigation.sections, navigation.path, search.highlight,
             content.tooltips]
plugins: [search, briefing]
validation: {omitted_files: warn, absolute_links: warn, unrecognized_links: warn, anchors: warn}
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Turn a folder of news articles into a cited, cross-linked briefing site.

    \b
    Examples:
      briefing check seeds                  # what each article yields, before building
      briefing build seeds                  # the site in ./site
      briefing build ~/corpus --site-dir out --strict
    """


@main.command()
@click.argument("seeds", type=click.Path(file_okay=False, path_type=Path), default="seeds")
@click.option("--site-dir", "-d", type=click.Path(file_okay=False, path_type=Path),
              default="site", show_default=True, help="Where to write the site.")  # fmt: skip
@click.option("--config-file", "-f", type=click.Path(dir_okay=False, path_type=Path),
              default="mkdocs.yml", show_default=True,
              help="MkDocs configuration; built-in defaults when it does not exist.")  # fmt: skip
@click.option("--strict", is_flag=True, help="Fail on any warning (bad or unreadable articles).")
@click.option("--no-pdf", is_flag=True, help="Skip the PDF briefing book (faster on big corpora).")
def build(seeds: Path, site_dir: Path, config_file: Path, strict: bool, no_pdf: bool) -> None:
    """Build the complete site (pages, search, briefing.json) from SEEDS.

    SEEDS is a folder of .txt and .md articles with its own briefing.yml (default: seeds).

    \b
    Examples:
      briefing build
      briefing build tests/corpora/space --site-dir /tmp/space-site
    """
    _log_to_terminal()
    if not seeds.is_dir():
        raise click.ClickException(f"{seeds}: no such folder of articles")
    with tempfile.TemporaryDirectory() as scratch:
        try:
            if config_file.is_file():
                config = load_config(
                    str(config_file), site_dir=str(site_dir.resolve()), strict=strict
                )
            else:
                config = load_config(
                    _default_config_file(Path(scratch)),
                    site_dir=str(site_dir.resolve()),
                    strict=strict,
                )
            plugin = cast(BriefingPlugin, config.plugins["briefing"])
            plugin.config.seeds = str(seeds.resolve())
            plugin.progress = reporter()
            if no_pdf:
                plugin.config.pdf = False
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except (Abort, ConfigurationError) as error:
            raise click.ClickException(str(error)) from None
        except KeyError:
            raise click.ClickException(
                f"{config_file}: the 'briefing' plugin is not enabled"
            ) from None
    click.echo(f"Built {site_dir}/index.html and {site_dir}/briefing.json")


def _default_config_file(scratch: Path) -> str:
    """The built-in configuration, with an empty docs folder, inside a scratch folder."""
    (scratch / "docs").mkdir()
    path = scratch / "mkdocs.yml"
    path.write_text(DEFAULT_CONFIG + "docs_dir: docs\n", encoding="utf-8")
    return str(path)


@main.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Exit with status 1 on warnings too.")
def check(path: Path, strict: bool) -> None:
    """Report what each article in PATH yields, without building.

    One line per article: title, date, outlet and author found; paragraphs kept; lines removed;
    topics hit. Then one line per problem file: `error` (cannot be read, left out), `warning`
    (in the briefing, with a caveat) or `info` (not an article, skipped). Exits with status 1
    when a file cannot be read, and with --strict on any warning too.

    \b
    Example:
      briefing check seeds
    """
    try:
        result = build_briefing(path, reporter(), workers=default_workers())
    except BriefingError as error:
        raise click.ClickException(str(error)) from None
    briefing = result.briefing
    for article in briefing.articles:
        topics: Counter[str] = Counter()
        for paragraph in article.paragraphs:
            topics.update(
                f.topic for f in briefing.filings.get(Ref(article.slug, paragraph.id), ())
            )
        found = ", ".join(
            f"{name} {value!r}" if value else f"no {name}"
            for name, value in (("title", article.title), ("date", article.date),
                                ("outlet", article.outlet), ("author", article.author))
        )  # fmt: skip
        hits = ", ".join(f"{topic} {count}" for topic, count in sorted(topics.items())) or "none"
        click.echo(
            f"{article.source_path}: {found}; {len(article.paragraphs)} paragraphs, "
            f"{len(article.removed)} lines removed; topics: {hits}"
        )
    failing = {"error", "warning"} if strict else {"error"}
    for problem in result.problems:
        click.echo(str(problem), err=True)
    click.echo(f"{len(briefing.articles)} articles read, {len(result.problems)} problems.")
    sys.exit(1 if any(p.level in failing for p in result.problems) else 0)


@main.command()
@click.argument(
    "seeds", type=click.Path(exists=True, file_okay=False, path_type=Path), default="seeds"
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default="site/briefing.pdf",
    show_default=True,
    help="Where to write the PDF.",
)
def pdf(seeds: Path, output: Path) -> None:
    """Write the briefing book of SEEDS as a PDF, without building the site.

    \b
    Example:
      briefing pdf seeds -o briefing.pdf
    """
    from generator.pdf import write_pdf

    write_pdf(_analysed(seeds), output)
    click.echo(f"Wrote {output}")


@main.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.argument(
    "seeds", type=click.Path(exists=True, file_okay=False, path_type=Path), default="seeds"
)
def pages(out: Path, seeds: Path) -> None:
    """Write the generated pages of SEEDS into OUT, for any site engine.

    OUT gets docs/ (every generated page, the glossary's tooltips and the assets they load) and
    an mkdocs.yml that needs no plugin: plain MkDocs, ProperDocs and Zensical can build it. The
    pages are a snapshot: run the command again after the articles change. Files already in
    OUT that the briefing also writes are replaced; nothing else there is touched.

    \b
    Example:
      briefing pages out/ seeds && cd out && mkdocs build
    """
    from generator.render.site import standalone

    files = standalone(_analysed(seeds))
    for uri, content in files.items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    click.echo(f"Wrote {len(files)} files into {out}")


def _analysed(seeds: Path) -> Briefing:
    """The briefing of SEEDS, its problems told on stderr; a bad folder is a clean error."""
    try:
        result = build_briefing(seeds, reporter(), workers=default_workers())
    except BriefingError as error:
        raise click.ClickException(str(error)) from None
    for problem in result.problems:
        click.echo(str(problem), err=True)
    return result.briefing


def _log_to_terminal() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
