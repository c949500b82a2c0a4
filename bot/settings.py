"""Runtime configuration from the environment (and `.env`), validated once at start-up."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AwareDatetime, Field, HttpUrl, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TOKEN_SHAPE = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{1,200}")


def is_postgres_url(database: str | Path) -> bool:
    return isinstance(database, str) and database.startswith(("postgresql://", "postgres://"))


def describe(database: str | Path) -> str:
    """The database setting as it may be printed or logged (a URL's password removed)."""
    text = str(database)
    password = urlsplit(text).password if is_postgres_url(database) else None
    return text if password is None else text.replace(f":{password}@", "@", 1)


class SettingsError(Exception):
    """Configuration is missing or malformed; the message is one line a person can act on."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot", alias="TELEGRAM_API_BASE_URL"
    )
    telegram_api_base_file_url: str | None = Field(default=None, alias="TELEGRAM_API_BASE_FILE_URL")
    database: Path | str = Field(default=Path("data/aipath.db"), alias="AIPATH_DATABASE")
    """A SQLite file path (the default), or a `postgresql://` URL for several workers."""
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), alias="AIPATH_ADMIN_IDS"
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", alias="AIPATH_LOG_LEVEL"
    )
    default_timezone: str = Field(default="UTC", alias="AIPATH_DEFAULT_TIMEZONE")
    sweep_seconds: int = Field(default=30, ge=0, alias="AIPATH_REMINDER_SWEEP_SECONDS")
    resume_after_minutes: int = Field(default=60, ge=1, alias="AIPATH_RESUME_AFTER_MINUTES")
    claim_lease_seconds: int = Field(default=600, ge=1, alias="AIPATH_CLAIM_LEASE_SECONDS")
    """A nudge's claim whose process still looks alive goes back to due after this long."""
    database_retry_seconds: float = Field(default=30, ge=0, alias="AIPATH_DATABASE_RETRY_SECONDS")
    """How long a turn retries a database that is restarting, locked or full before it fails."""

    clock_start: AwareDatetime | None = Field(default=None, alias="AIPATH_CLOCK_START")
    """Tests only: the bot's clock starts at this instant (and runs) instead of now."""

    webhook_url: HttpUrl | None = Field(default=None, alias="AIPATH_WEBHOOK_URL")
    webhook_listen: str = Field(default="0.0.0.0", alias="AIPATH_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8443, ge=1, le=65535, alias="AIPATH_WEBHOOK_PORT")
    webhook_secret: SecretStr | None = Field(default=None, alias="AIPATH_WEBHOOK_SECRET")
    webhook_insecure: bool = Field(default=False, alias="AIPATH_WEBHOOK_INSECURE")
    """A webhook without a secret refuses to start unless this is set (then it warns)."""

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        # Checked before any network call: BotFather's tokens are "<bot id>:<secret>".
        if value is not None and not TOKEN_SHAPE.fullmatch(value.get_secret_value()):
            raise ValueError(
                "not a bot token (expected digits, a colon, then letters, digits, _ or -, "
                "as @BotFather gives it)"
            )
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(",", " ").split())
        return value

    @field_validator("database", mode="before")
    @classmethod
    def _path_or_url(cls, value: object) -> object:
        if isinstance(value, str) and not is_postgres_url(value):
            return Path(value)
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r}") from exc
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _secret_chars(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram allows 1-256 characters of A-Z, a-z, 0-9, _ and -.
        raw = value.get_secret_value() if value else None
        if raw is not None and not (
            0 < len(raw) <= 256 and all(c.isascii() and (c.isalnum() or c in "_-") for c in raw)
        ):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @property
    def token(self) -> str | None:
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None


def load_settings() -> Settings:
    """Read settings, turning a validation failure into one readable line per problem."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'settings'}: {err['msg']}"
            for err in exc.errors()
        )
        raise SettingsError(f"invalid configuration: {problems}") from None
