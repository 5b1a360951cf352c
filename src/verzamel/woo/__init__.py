"""The Wet open overheid (Woo): its grounds for withholding, and the public version of a document."""
