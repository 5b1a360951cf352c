"""Citations of parliamentary and official documents: find them in text, give each a canonical id
and URL, check them against the registry, and write them in the house style.

    find.py      text -> Citation and Refusal values, with offsets; reads the kamerstukken
    patterns.py  the regular expressions for kamerstukken in the forms seen in real letters
    handelingen.py  Handelingen and the Aanhangsel, also the EK's own sitting reports
    journals.py  Staatsblad, Staatscourant, Tractatenblad, Gemeente-, Provinciaal, Waterschapsblad
    eu.py        EU acts (also in lists), CELEX numbers, the Publicatieblad, Commission and
                 Council documents
    courts.py    rulings by ECLI, after the court and the date
    models.py    Citation, its canonical id and official URL
    render.py    a Citation in a house style
    resolve.py   ids and registry entries -> Citations
    vergaderjaar.py  the parliamentary year, from Prinsjesdag
"""
