"""The MkDocs plugin: wires MkDocs' hooks to the pipeline, and does nothing else."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from html import escape
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.cache import FactsCache
from generator.exceptions import BriefingError
from generator.pdf import write_pdf
from generator.pipeline import build_briefing, default_workers, outside_link
from generator.progress import worth_a_line
from generator.render import export_json, render_pages
from generator.render.crosssource import format_day
from generator.render.markdown import relative
from generator.render.pages import abbreviations, redirect_pages, with_previews
from generator.render.site import CSS_URI, EXTENSIONS, JS_URI, assets, in_nav, site_nav
from generator.search import index_sources, paragraph_hits

log = get_plugin_logger(__name__)

SERVE_PDF_MAX = 100  # articles; a larger book takes minutes to print (bench/README.md)
EXPORT_NAME = "briefing.json"
PDF_NAME = "briefing.pdf"


def _linked_out(path: Path, docs: Path) -> bool:
    """A hand-written page or asset under docs/ that is a link to a file outside it (the theme's
    own files live elsewhere and are not links)."""
    return path.is_relative_to(docs) and outside_link(path, docs)


def _log_progress(done: int, total: int) -> None:
    """`mkdocs build` and `serve` log a line every tenth of a large corpus."""
    if worth_a_line(done, total):
        log.info(f"analysed {done} of {total} articles")


class BriefingPluginConfig(base.Config):
    seeds = opt.Type(str, default="seeds")
    """The folder of articles and its `briefing.yml`, relative to `mkdocs.yml`."""
    pdf = opt.Type(bool, default=True)
    """Write the briefing book, `briefing.pdf`, with every build."""


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    """Generate the briefing's pages from the seeds folder on every build."""

    command: str | None = None
    cache: FactsCache | None = None  # each article's own analysis, kept while serving
    final_site: Path | None = None
    failed = False
    pdf = True  # the `pdf` option, unless serving a corpus too large to print on every change
    progress: Callable[[int, int], None] | None = None  # set by the CLI; else log lines

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this hook keeps the plugin alive across `mkdocs serve` rebuilds, and its cache."""
        self.command = command
        self.cache = FactsCache() if command == "serve" else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.pdf = self.config.pdf
        self.seeds_dir = (Path(config.config_file_path).parent / self.config.seeds).resolve()
        if self.command == "build":
            # Build beside the site and swap it in at the end: a failed build leaves it intact.
            self.final_site = Path(config.site_dir)
            config.site_dir = str(self.final_site.with_name(self.final_site.name + ".building"))
        for name, settings in EXTENSIONS.items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
                config.mdx_configs.setdefault(name, settings)
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        if JS_URI not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(JS_URI)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        try:
            progress = self.progress or _log_progress
            result = build_briefing(self.seeds_dir, progress, self.cache, default_workers())
        except BriefingError as error:
            raise PluginError(str(error)) from None
        if self.cache is not None:
            total = self.cache.analysed + self.cache.reused
            log.info(f"{self.cache.analysed} of {total} articles analysed, the rest unchanged")
            if self.pdf and total > SERVE_PDF_MAX:
                self.pdf = False
                log.info(
                    f"briefing.pdf is not written while serving more than {SERVE_PDF_MAX} "
                    "articles, to keep rebuilds quick: `mkdocs build` or `briefing pdf` writes it"
                )
        for problem in result.problems:
            if problem.level == "info":
                log.info(str(problem))
            else:
                log.warning(str(problem))
        self.briefing = result.briefing
        dates = [a.date for a in result.briefing.articles if a.date]
        self.newest = format_day(max(dates)) if dates else None
        pages = render_pages(result.briefing)
        generated = {
            **pages,
            **redirect_pages(result.briefing, config.use_directory_urls),
            **assets(),
        }
        docs = Path(config.docs_dir)
        for file in [
            f for f in files if f.abs_src_path and _linked_out(Path(f.abs_src_path), docs)
        ]:
            log.warning(f"refused: docs/{file.src_uri} is a link to a file outside docs/")
            files.remove(file)
        for uri, content in generated.items():
            existing = files.get_file_from_path(uri)
            if existing is not None:
                raise PluginError(
                    f"the generated page '{uri}' would replace the hand-written "
                    f"'{existing.abs_src_path}': rename or move the hand-written page"
                )
            inclusion = InclusionLevel.UNDEFINED if in_nav(uri) else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        if config.nav is None:
            config.nav = self._nav(files, pages)
        return files

    def _nav(self, files: Files, pages: dict[str, str]) -> list:
        handwritten = [f.src_uri for f in files.documentation_pages() if f.src_uri not in pages]
        return site_nav(pages, handwritten)

    def on_page_markdown(
        self, markdown: str, /, *, page, config: MkDocsConfig, files: Files
    ) -> str:
        """Glossary terms get their definition as a tooltip on every page, hand-written ones too."""
        found = abbreviations(self.briefing.config.glossary, markdown)
        return markdown + "\n" + found if found else markdown

    def on_page_content(self, html: str, /, *, page, config: MkDocsConfig, files: Files) -> str:
        """Every page says how recent the sources are and offers the briefing book; on a
        published site, citations preview the paragraph they cite."""
        if config.site_url:
            html = with_previews(html)
        parts = [f"Newest source: {self.newest}"] if self.newest else []
        if self.pdf:
            href = relative(page.url, PDF_NAME)
            title = escape(self.briefing.config.title)
            parts.append(
                f'<a href="{href}" title="{title} (PDF)">Download the briefing book (PDF)</a>'
            )
        return html + (f'<p class="briefing-pdf">{" · ".join(parts)}</p>' if parts else "")

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> None:
        server.watch(str(self.seeds_dir))

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True

    def on_shutdown(self) -> None:
        if self.final_site is None:
            return
        building = self.final_site.with_name(self.final_site.name + ".building")
        if self.failed or not building.is_dir():
            shutil.rmtree(building, ignore_errors=True)
            return
        previous = self.final_site.with_name(self.final_site.name + ".previous")
        shutil.rmtree(previous, ignore_errors=True)
        if self.final_site.exists():
            self.final_site.rename(previous)
        building.rename(self.final_site)
        shutil.rmtree(previous, ignore_errors=True)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        (site / EXPORT_NAME).write_text(export_json(self.briefing), encoding="utf-8")
        paragraph_hits(site)
        if error := index_sources(site):
            log.warning(f"the full-text search of the sources could not be built: {error}")
        if self.pdf:
            write_pdf(self.briefing, site / PDF_NAME)
