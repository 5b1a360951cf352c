"""Sent letters, frozen: what a letter was built from when it was sent, kept so it can be built
again byte for byte while the shared fragments go on changing for the next letter.

`verzamel freeze` (pipeline/freeze.py) writes `letters/<id>.lock`, read and written by
sources/lockfile.py: every source, template and reference document the letter used, by git blob
id, and the SHA-256 of every document it gave. Here, store.py finds those versions again (in the
working tree while unchanged, else in git's object store), state.py says how the dossier stands to
each lock (LOCK002, LOCK004-LOCK006), and restore.py lays the locked versions out as a dossier of their own,
which pipeline/sent.py makes the letter from.
"""
