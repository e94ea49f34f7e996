"""What the core produces from the model: pages, search words, export, styles, images, policies, link checks."""
