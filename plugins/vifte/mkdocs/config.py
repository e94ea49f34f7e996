"""Options of the vifte MkDocs plugin."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class VifteConfig(base.Config):
    project_dir = c.Optional(c.Dir(exists=True))
    """The project folder holding catalogue/ and strategy/; default: the folder of mkdocs.yml."""

    export = c.Type(bool, default=True)
    """Write the open-data export to data/catalogue.json."""
