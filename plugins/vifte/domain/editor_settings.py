"""settings.yaml's `editor:`: the editor on the municipality's git host (GitLab or GitHub).

Locally `vifte rediger` needs none of this. With `editor:` the same editor can work against the
project's repository on its git host, with the host's own login: a save is a commit, and CI
publishes the site. `vifte build` writes the editor into the site only when `publish` is true.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import ConfigDict, Field, StringConstraints, ValidationInfo, field_validator

from vifte.domain.fields import Strict

HTTPS_PATTERN = r"^https://[^\s/?#]+(/[^\s?#]*)?$"
REPO_PATTERN = r"^[\w.-]+(/[\w.-]+)+$"
BRANCH_PATTERN = r"^[\w-]+([./][\w-]+)*$"
APP_ID_PATTERN = r"^[\w-]{1,200}$"
ENDPOINT_PATTERN = r"^[\w-]+(/[\w-]+)*$"

HttpsUrl = Annotated[str, StringConstraints(strip_whitespace=True, pattern=HTTPS_PATTERN)]
"""An https address: the login's token must never travel unencrypted."""

GITLAB = "https://gitlab.com"
"""GitLab's own address: the default of a GitLab backend's `base_url`."""
GITLAB_API = "/api/v4"
"""GitLab's API, under its own address."""
GITHUB_API = "https://api.github.com"


class EditorSettings(Strict):
    """Redigering i browseren mod kommunens git-vært (GitLab eller GitHub) med værtens eget login."""

    # Python's re: the Rust engine takes about 0.2 s per Unicode \w pattern to compile, which
    # every command paid at import.
    model_config = ConfigDict(extra="forbid", frozen=True, regex_engine="python-re")

    backend: Literal["gitlab", "github"] = Field(
        description="Git-værten, hvor projektet ligger: gitlab eller github."
    )
    repo: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=200, pattern=REPO_PATTERN),
    ] = Field(description='Projektets sti på git-værten, fx "fjordstrand/tilbud".')
    branch: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=100, pattern=BRANCH_PATTERN),
    ] = Field("main", description='Grenen, som redigeringen gemmer i, fx "main" (standard).')
    base_url: HttpsUrl | None = Field(
        None,
        validate_default=True,
        description='GitLab: adressen på jeres egen GitLab, fx "https://gitlab.kommune.dk" '
        "(standard: https://gitlab.com). GitHub: adressen på jeres OAuth-tjeneste, som logger "
        "ind hos GitHub (GitHub kræver en).",
    )
    app_id: (
        Annotated[str, StringConstraints(strip_whitespace=True, pattern=APP_ID_PATTERN)] | None
    ) = Field(
        None,
        validate_default=True,
        description="GitLab: programmets id (Application ID) fra GitLabs Applications-side.",
    )
    auth_endpoint: (
        Annotated[str, StringConstraints(strip_whitespace=True, pattern=ENDPOINT_PATTERN)] | None
    ) = Field(
        None,
        description='Stien til login hos OAuth-tjenesten, hvis den ikke er standard ("oauth/authorize" '
        'hos GitLab, "auth" hos GitHub).',
    )
    api_root: HttpsUrl | None = Field(
        None,
        description="Adressen på git-værtens API, hvis den ikke er standard (GitHub Enterprise, "
        'fx "https://github.kommune.dk/api/v3").',
    )
    publish: bool = Field(
        False,
        strict=True,
        description="true: 'vifte build' lægger redigeringen på sitet under /rediger/. "
        "Standard: false (redigeringen kommer ikke på sitet).",
    )

    @field_validator("repo")
    @classmethod
    def _owner_and_name(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("backend") == "github" and value.count("/") != 1:
            raise ValueError(
                f"et GitHub-projekt skrives ejer/navn, fx 'fjordstrand/tilbud', ikke '{value}'"
            )
        return value

    @field_validator("base_url")
    @classmethod
    def _relay_for_github(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("backend") == "github" and value is None:
            raise ValueError(
                "GitHub kræver en OAuth-tjeneste til login; skriv dens adresse under base_url, "
                'fx base_url: "https://login.kommune.dk" (se README: Redigering på kommunens git-vært)'
            )
        return None if value is None else value.rstrip("/")

    @field_validator("app_id")
    @classmethod
    def _app_for_gitlab(cls, value: str | None, info: ValidationInfo) -> str | None:
        backend = info.data.get("backend")
        if backend == "gitlab" and value is None:
            raise ValueError(
                "GitLab kræver programmets id (Application ID) fra GitLabs Applications-side; "
                "skriv det under app_id (se README: Redigering på kommunens git-vært)"
            )
        if backend == "github" and value is not None:
            raise ValueError(
                "app_id bruges kun med GitLab; med GitHub står programmets id i OAuth-tjenesten"
            )
        return value

    def decap_backend(self) -> dict[str, Any]:
        """Decap's `backend:` for the git host: GitLab logs in by itself (PKCE, no server);
        GitHub through the municipality's OAuth service at `base_url`."""
        out: dict[str, Any] = {"name": self.backend, "repo": self.repo, "branch": self.branch}
        if self.backend == "gitlab":
            out.update(auth_type="pkce", app_id=self.app_id)
        if self.base_url is not None:
            out["base_url"] = self.base_url
        if self.auth_endpoint is not None:
            out["auth_endpoint"] = self.auth_endpoint
        out["api_root"] = self.api
        return out

    @property
    def api(self) -> str:
        """The git host's API, which the editor reads and commits through."""
        if self.api_root is not None:
            return self.api_root.rstrip("/")
        if self.backend == "gitlab":
            return (self.base_url or GITLAB) + GITLAB_API
        return GITHUB_API

    @property
    def hosts(self) -> tuple[str, ...]:
        """The origins the editor's page may connect to: the git host's API, and GitLab's login
        (its token comes from GitLab's own address). GitHub's login runs in a window of its own."""
        found = [self.api]
        if self.backend == "gitlab":
            found.append(self.base_url or GITLAB)
        return tuple(dict.fromkeys(f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in found))
