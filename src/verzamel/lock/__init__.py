"""Sent letters, frozen: what a letter was built from when it was sent, kept so it can be built
again byte for byte while the shared fragments go on changing for the next letter.

`verzamel freeze` writes `letters/<id>.lock` (lockfile.py): every source, template and reference
document the letter used, by git blob id, and the SHA-256 of every document it gave. store.py
finds those versions again (in the working tree while unchanged, else in git's object store),
restore.py lays them out as a dossier of their own to assemble and render the letter there, and
freeze.py makes the lock. The checks of a lock are in checks/lock.py.
"""
