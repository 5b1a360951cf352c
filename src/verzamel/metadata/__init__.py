"""Official metadata of cited documents, for `verzamel refs add` and `refs verify`; the only part
of verzamel that goes on the network (`check`, `build` and `preview` never import it).

    http.py        the GET, with a timeout and a User-Agent; TRANSPORT is the seam tests replay through
    sru.py         officielebekendmakingen.nl (SRU): kamerstukken, Handelingen, Staatsblad, …
    tk.py          the Tweede Kamer's open data (OData): its kamerstukken, with who sent them
    eurlex.py      EUR-Lex (the Publications Office's SPARQL endpoint): EU acts by CELEX number
    rechtspraak.py rechtspraak.nl open data: rulings by ECLI
    parse.py       reading answers that may be anything
    record.py      Official: what a source says of one document; the registry title derived from it
    ids.py         which ids can be looked up, and where
    lookup.py      the cache first, the services for the rest
    cache.py       officiele-gegevens.yaml, the committed cache file
    entries.py     registry entries in footnotes/, in the house format
    verify.py      an entry against the official metadata: REF001–REF004
"""
