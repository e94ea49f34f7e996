"""Reading a project: its folders and files, YAML and front matter, checks and diagnostics."""
