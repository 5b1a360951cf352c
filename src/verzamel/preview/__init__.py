"""`verzamel preview`: the letters in the browser while they are written.

state.py keeps the dossier's documents and diagnostics, made again whenever a source, template or
setting changes (the dossier is polled; nothing to install), and the last good rendering of each
document when the sources break. server.py serves them on 127.0.0.1 only, from a fixed set of
addresses (never a file by its path), and tells every open page to reload (Server-Sent Events).
"""
