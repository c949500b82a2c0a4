"""Deployment files agree with the code: settings, image, compose, lock file and systemd unit.

Docker itself is not needed: these read the files and check what a build or a start-up
would trip over (a setting missing from .env.example, a COPY of an ignored path, a lock
that is not the full runtime closure, a compose file whose bot keeps its database off the
volume).
"""

from __future__ import annotations

import fnmatch
import importlib.metadata
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from pydantic import SecretStr

from bot.cli import COMMANDS, build_parser
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
ENV_EXAMPLE = ROOT / ".env.example"
DOCKERFILE = DEPLOY / "Dockerfile"
COMPOSE = DEPLOY / "compose.yaml"
CADDYFILE = DEPLOY / "Caddyfile"
LOCK = DEPLOY / "requirements.lock"
UNIT = DEPLOY / "aipath.service"
BUILD_BASE = DEPLOY / "build-base.sh"
SMOKE_COMPOSE = DEPLOY / "smoke.yaml"

# Read by docker compose only (build argument, webhook and postgres profiles), never by the bot.
COMPOSE_ONLY = {
    "AIPATH_DOMAIN",
    "AIPATH_BASE_IMAGE",
    "AIPATH_POSTGRES_PASSWORD",
    "AIPATH_POSTGRES_IMAGE",
}
SETTING_LINE = re.compile(r"^(?:#\s*)?([A-Z][A-Z0-9_]*)=(.*)$")
DEV_TOOLS = {"pytest", "pytest-asyncio", "ruff", "mypy", "hypothesis", "types-pyyaml"}


def aliases() -> dict[str, str]:
    """Env var name -> field name, for every setting."""
    out = {}
    for name, field in Settings.model_fields.items():
        assert field.alias, f"setting {name} has no env alias"
        out[field.alias] = name
    return out


def env_example_entries() -> list[tuple[int, str, str]]:
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    matches = ((i, SETTING_LINE.match(line)) for i, line in enumerate(lines))
    return [(i, m.group(1), m.group(2)) for i, m in matches if m]


# --- .env.example ----------------------------------------------------------------------------


def test_env_example_names_exactly_the_settings() -> None:
    names = [name for _, name, _ in env_example_entries()]
    assert len(names) == len(set(names)), "a variable is listed twice"
    assert set(names) - COMPOSE_ONLY == set(aliases())
    assert not COMPOSE_ONLY & set(aliases())


def test_env_example_shows_each_default_with_a_comment_above() -> None:
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    fields = aliases()
    for i, name, value in env_example_entries():
        above = lines[i - 1] if i else ""
        assert above.startswith("#") and not SETTING_LINE.match(above), f"{name}: no comment"
        if name in COMPOSE_ONLY:
            continue
        field = Settings.model_fields[fields[name]]
        if field.annotation is not None and SecretStr in getattr(field.annotation, "__args__", ()):
            assert value == "", f"{name} is a secret: leave it empty"
        elif field.default in (None, frozenset()):
            assert value == "", f"{name} has no default"
        else:
            assert value == str(field.default), f"{name}: documented {value!r}, default differs"


def test_env_example_loads_as_is(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # `cp .env.example .env` must start: an empty AIPATH_WEBHOOK_URL= would not validate.
    for name in aliases():
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    settings = Settings(_env_file=ENV_EXAMPLE)
    assert settings.token is None
    assert settings.webhook_url is None
    assert settings.database == Path("data/aipath.db")


# --- Dockerfile and .dockerignore ----------------------------------------------------------


def instructions() -> list[tuple[str, str]]:
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            out.append((keyword.upper(), " ".join(rest.split())))
    return out


def last(keyword: str) -> str:
    values = [rest for kw, rest in instructions() if kw == keyword]
    assert values, f"no {keyword} in the Dockerfile"
    return values[-1]


def dockerignored(path: str) -> bool:
    patterns = [
        p.strip()
        for p in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if p.strip() and not p.startswith("#")
    ]
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!")
        variants = {pattern, pattern.removeprefix("**/")}
        hit = any(
            fnmatch.fnmatchcase(prefix, v) or (v != pattern and fnmatch.fnmatchcase(part, v))
            for prefix, part in zip(prefixes, parts, strict=True)
            for v in variants
        )
        if hit:
            ignored = not negate
    return ignored


def test_dockerfile_is_multi_stage_non_root_with_health_and_volume() -> None:
    assert sum(kw == "FROM" for kw, _ in instructions()) >= 2
    user = last("USER").split(":")[0]
    assert user and user not in {"root", "0"}
    health = last("HEALTHCHECK")
    assert "--interval=" in health and "--timeout=" in health
    assert re.search(r'CMD \[\s*"aipath",\s*"health"\s*\]', health)
    assert "/data" in json.loads(last("VOLUME"))
    assert "AIPATH_DATABASE=/data/aipath.db" in " ".join(
        rest for kw, rest in instructions() if kw == "ENV"
    )
    assert json.loads(last("ENTRYPOINT")) == ["aipath"]
    assert json.loads(last("CMD")) == ["bot"]
    assert "8443" in last("EXPOSE").split()


def test_dockerfile_base_is_an_arg_defaulting_to_the_image_build_base_makes() -> None:
    # No registry here: every stage starts from BASE_IMAGE, whose default is the tag that
    # deploy/build-base.sh gives the Debian base it makes (and compose and the smoke agree).
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert not text.startswith("# syntax="), "a syntax directive pulls a frontend image"
    steps = instructions()
    first_from = next(i for i, (kw, _) in enumerate(steps) if kw == "FROM")
    args = dict(rest.split("=", 1) for kw, rest in steps[:first_from] if kw == "ARG")
    froms = [rest.split()[0] for kw, rest in steps if kw == "FROM"]
    assert froms and all(f == "${BASE_IMAGE}" for f in froms), froms
    script = BUILD_BASE.read_text(encoding="utf-8")
    suite = re.search(r"suite=\$\{SUITE:-(\w+)\}", script)
    assert suite and "tag=${TAG:-aipath-base:$suite}" in script
    assert args["BASE_IMAGE"] == f"aipath-base:{suite.group(1)}"
    assert compose()["services"]["bot"]["build"]["args"]["BASE_IMAGE"] == (
        "${AIPATH_BASE_IMAGE:-" + args["BASE_IMAGE"] + "}"
    )
    smoke = (DEPLOY / "smoke.sh").read_text(encoding="utf-8")
    assert "BASE_IMAGE=${BASE_IMAGE:-" + args["BASE_IMAGE"] + "}" in smoke


def test_pip_gets_the_ca_bundle_as_a_build_secret_never_as_a_layer() -> None:
    steps = instructions()
    installs = [rest for kw, rest in steps if kw == "RUN" and "pip install" in rest]
    assert len(installs) == 2, installs
    for rest in installs:
        assert "--mount=type=secret,id=ca,required=false" in rest
        assert "PIP_CERT=/run/secrets/ca" in rest
    for kw, rest in steps:
        assert kw == "RUN" or not re.search(r"PIP_CERT|PIP_CONFIG_FILE|\.crt\b", rest), rest


def test_build_base_takes_the_mirror_from_apt_and_names_no_host() -> None:
    for script in (BUILD_BASE, DEPLOY / "smoke.sh", DEPLOY / "postgres-entrypoint.sh"):
        text = script.read_text(encoding="utf-8")
        assert text.startswith("#!"), script.name
        assert script.stat().st_mode & 0o111, f"{script.name} is not executable"
        assert not re.search(r"\b[a-z]+://", text), f"{script.name} names a host"
    text = BUILD_BASE.read_text(encoding="utf-8")
    assert "/etc/apt/sources.list" in text and "DEBIAN_MIRROR" in text
    assert "debootstrap --variant=minbase" in text and "docker import" in text


def test_docker_smoke_is_a_make_target_outside_make_test() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = dict(re.findall(r"^([a-z-]+):(.*)$", makefile, flags=re.MULTILINE))
    assert "docker-smoke" in targets
    assert "deploy/smoke.sh" in makefile
    assert "docker-smoke" not in targets["test"] and "lint" in targets["test"]


def test_dockerfile_commands_exist_in_the_cli() -> None:
    parser = build_parser()
    for command in (["bot"], ["health"], ["backup", "x.db"]):
        assert parser.parse_args(command).command == command[0]
        assert command[0] in COMMANDS, f"`aipath {command[0]}` is parsed but not wired"


def test_dockerfile_copies_what_exists_and_is_not_ignored() -> None:
    copied: set[str] = set()
    for kw, rest in instructions():
        if kw != "COPY" or rest.startswith("--from"):
            continue
        *sources, _target = rest.split()
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: no such path"
            assert not dockerignored(source), f"COPY {source}: excluded by .dockerignore"
            copied.add(source)
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    includes = pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = {
        p.name
        for p in ROOT.iterdir()
        if (p / "__init__.py").exists() and any(fnmatch.fnmatch(p.name, i) for i in includes)
    }
    assert packages <= copied, f"packages missing from the image: {packages - copied}"
    assert {"pyproject.toml", "README.md", "deploy/requirements.lock"} <= copied


def test_dockerignore_keeps_secrets_data_and_tests_out() -> None:
    for path in (".env", ".venv", "data", "data/aipath.db", ".git", "tests", "bot/__pycache__"):
        assert dockerignored(path), path


# --- requirements.lock ---------------------------------------------------------------------


def lock() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*==[A-Za-z0-9.+!_-]+", line), line
        name, version = line.split("==")
        assert canonicalize_name(name) not in pins, f"{name} pinned twice"
        pins[canonicalize_name(name)] = version
    return pins


def test_lock_pins_every_runtime_dependency_and_no_dev_tool() -> None:
    pins = lock()
    assert not DEV_TOOLS & set(pins)
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for raw in pyproject["project"]["dependencies"]:
        req = Requirement(raw)
        name = canonicalize_name(req.name)
        assert name in pins, f"{name} is not pinned"
        assert req.specifier.contains(pins[name]), f"{name}=={pins[name]} violates {raw}"


def test_lock_is_closed_under_requirements() -> None:
    # The image installs it with --no-deps: every requirement of a pinned package must be
    # pinned too. Checked from installed metadata where the installed version is the pin.
    pins = lock()
    extras = {"python-telegram-bot": {"rate-limiter", "job-queue", "webhooks"}}
    checked = 0
    for name, version in pins.items():
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        if dist.version != version:
            continue
        checked += 1
        for raw in dist.requires or []:
            req = Requirement(raw)
            wanted = ["", *sorted(extras.get(name, ()))]
            if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in wanted):
                assert canonicalize_name(req.name) in pins, f"{name} needs {req.name}"
    assert checked, "no pinned package is installed at its pinned version"


# --- compose.yaml and Caddyfile ----------------------------------------------------------------


def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def volume_targets(service: dict[str, Any]) -> dict[str, str]:
    out = {}
    for volume in service.get("volumes", []):
        if isinstance(volume, str):
            source, target = volume.split(":")[:2]
        else:
            source, target = volume["source"], volume["target"]
        out[target] = source
    return out


def test_compose_bot_polls_by_default_with_the_database_on_a_named_volume() -> None:
    data = compose()
    bot = data["services"]["bot"]
    assert "profiles" not in bot, "`docker compose up` must start the polling bot"
    source = volume_targets(bot)["/data"]
    assert source in data["volumes"], "/data must be a named volume"
    assert bot["restart"] == "unless-stopped"
    assert bot["environment"]["AIPATH_DATABASE"].startswith("/data/")
    assert "AIPATH_WEBHOOK_URL" not in bot.get("environment", {})
    assert (COMPOSE.parent / bot["env_file"]).resolve() == ROOT / ".env"
    assert (COMPOSE.parent / bot["build"]["context"]).resolve() == ROOT
    assert (ROOT / bot["build"]["dockerfile"]).resolve() == DOCKERFILE


def test_compose_webhook_profile_sits_behind_caddy() -> None:
    services = compose()["services"]
    hook, caddy = services["bot-webhook"], services["caddy"]
    assert hook["profiles"] == ["webhook"] and caddy["profiles"] == ["webhook"]
    assert volume_targets(hook)["/data"] == volume_targets(services["bot"])["/data"]
    env = hook["environment"]
    assert env["AIPATH_WEBHOOK_URL"].startswith("https://")
    assert env["AIPATH_WEBHOOK_URL"].endswith("/telegram")
    assert "ports" not in hook, "only Caddy faces the internet"
    assert caddy["image"].startswith("caddy:2")
    assert "env_file" not in caddy, "the proxy must not see the bot token"
    caddyfile = {t: s for s, t in (v.split(":")[:2] for v in caddy["volumes"])}
    assert (COMPOSE.parent / caddyfile["/etc/caddy/Caddyfile"]).resolve() == CADDYFILE
    text = CADDYFILE.read_text(encoding="utf-8")
    assert "{$AIPATH_DOMAIN}" in text
    assert re.search(r"path /telegram\b", text)
    assert f"reverse_proxy bot-webhook:{env['AIPATH_WEBHOOK_PORT']}" in text


def test_compose_only_variables_are_read_by_compose_with_the_documented_default() -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    documented = {name: value for _, name, value in env_example_entries() if name in COMPOSE_ONLY}
    assert set(documented) == COMPOSE_ONLY
    for name, value in documented.items():
        uses = re.findall(r"\$\{" + name + r"(?::([-?])([^}]*))?\}", text)
        assert uses, f"{name} is documented in .env.example but compose.yaml never reads it"
        for kind, default in uses:
            if kind == "-" and value:
                assert default == value, f"{name}: .env.example says {value}, compose {default}"


def test_compose_postgres_profile_runs_two_webhook_workers_on_one_database() -> None:
    data = compose()
    services = data["services"]
    postgres = services["postgres"]
    workers = {name: s for name, s in services.items() if name.startswith("worker-")}
    assert len(workers) == 2
    assert postgres["profiles"] == ["postgres"]
    assert volume_targets(postgres)["/var/lib/postgresql/data"] in data["volumes"]
    assert postgres["environment"]["POSTGRES_PASSWORD"].startswith("${AIPATH_POSTGRES_PASSWORD:?")
    assert "pg_isready" in postgres["healthcheck"]["test"]
    assert "ports" not in postgres, "the database stays on the compose network"
    first, second = workers.values()
    assert first == second, "the workers differ only in name"
    env = first["environment"]
    assert first["profiles"] == ["postgres"]
    assert re.fullmatch(
        r"postgresql://aipath:\$\{AIPATH_POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432/aipath",
        env["AIPATH_DATABASE"],
    )
    assert env["AIPATH_WEBHOOK_URL"].startswith("https://")
    assert env["AIPATH_WEBHOOK_URL"].endswith("/telegram")
    assert "ports" not in first, "only the reverse proxy faces the internet"
    assert first["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert "/data" not in volume_targets(first), "PostgreSQL workers keep no SQLite file"


def test_smoke_override_changes_only_the_postgres_profile() -> None:
    # deploy/smoke.yaml puts the postgres profile on the host network against the fake Bot
    # API; it must not touch the services an operator runs by default.
    services = compose()["services"]
    text = SMOKE_COMPOSE.read_text(encoding="utf-8").replace("!reset ", "")
    smoke = yaml.safe_load(text)["services"]
    assert set(smoke) == {"postgres", "worker-1", "worker-2"}
    for name, override in smoke.items():
        assert services[name]["profiles"] == ["postgres"]
        assert override["network_mode"] == "host"
    for name in ("worker-1", "worker-2"):
        env = smoke[name]["environment"]
        assert env["TELEGRAM_API_BASE_URL"] == "${SMOKE_TELEGRAM_API_BASE_URL}"
        assert env["AIPATH_WEBHOOK_LISTEN"] == "127.0.0.1"
        assert "test" not in smoke[name]["healthcheck"], "the image's own check must run"


# --- systemd unit --------------------------------------------------------------------------


def unit() -> dict[str, list[tuple[str, str]]]:
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = []
        else:
            assert current is not None, f"{line!r} outside a section"
            key, sep, value = line.partition("=")
            assert sep, f"not key=value: {line!r}"
            sections[current].append((key, value))
    return sections


def test_systemd_unit_runs_the_bot_hardened() -> None:
    sections = unit()
    assert {"Unit", "Service", "Install"} <= set(sections)
    service = dict(sections["Service"])
    exec_start = service["ExecStart"].split()
    assert exec_start[0].startswith("/") and exec_start[1:] == ["bot"]
    assert service["User"] == "aipath"
    assert service["KillSignal"] == "SIGINT"
    assert service["Restart"] == "on-failure"
    environment = [v for k, v in sections["Service"] if k == "Environment"]
    assert "AIPATH_DATABASE=/var/lib/aipath/aipath.db" in environment
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "PrivateTmp": "yes",
        "ProtectHome": "yes",
        "ReadWritePaths": "/var/lib/aipath",
    }.items():
        assert service.get(key) == value, key
    assert dict(sections["Install"]).get("WantedBy") == "multi-user.target"
