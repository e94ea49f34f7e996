"""`vifte serve`: a watcher over the core and a plain local server (no generator imported here).

The site generator is reached through one function, named by the command that starts the
preview (`Builder`): it builds the site, or a few of its pages, into a given folder.
"""
