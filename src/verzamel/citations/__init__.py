"""Citations of parliamentary and official documents: find them in text, give each a canonical id
and URL, check them against the registry, and write them in the house style.

    find.py      text -> Citation and Refusal values, with offsets
    models.py    Citation, its canonical id and official URL
    patterns.py  the regular expressions for the forms seen in real letters
    render.py    a Citation in a house style
    resolve.py   ids and registry entries -> Citations
    vergaderjaar.py  the parliamentary year, from Prinsjesdag
"""
