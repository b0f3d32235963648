"""The Pages workflow runs the README's commands, with pinned actions, and publishes site/."""

import re

import yaml

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def _readme_commands() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.DOTALL)
    return {
        line.split("#")[0].strip()
        for block in blocks
        for line in block.splitlines()
        if line.strip()
    }


def test_workflow_runs_only_readme_commands():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [line.strip() for step in steps if "run" in step for line in step["run"].splitlines()]
    assert runs == ["./dev build"]
    assert set(runs) <= _readme_commands()


def test_workflow_deploys_site_with_pinned_official_actions():
    text = WORKFLOW.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = [step["uses"] for step in steps if "uses" in step]
    # Pinned by full commit SHA, with the version it was tagged as beside it.
    assert all(re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", use) for use in uses), uses
    for use in uses:
        assert re.search(re.escape(use) + r"  # v\d+\.\d+\.\d+\n", text), use
    names = {use.split("@")[0] for use in uses}
    assert {
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
        "actions/configure-pages",
    } <= names
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    # No permission at the top; each job only what it needs.
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_readme_set_up_commands_exist_in_dev_script():
    commands = _readme_commands()
    assert {"./dev serve", "./dev test", "./dev build"} <= {c.split("  ")[0] for c in commands}
    script = (ROOT / "dev").read_text()
    for verb in ("serve)", "build)", "test)"):
        assert verb in script
    assert "./dev test" in (ROOT / ".ci" / "run").read_text()
