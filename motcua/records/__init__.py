"""Records that must hold up later, whatever app keeps them: append-only histories (`append_only`), the hash chain
that makes a change behind the application's back visible (`chain`), and codes numbered per day (`numbering`).

Dossier events and PAKN history use them today, incoming and outgoing correspondence next. Nothing here knows a
model of its own: each app passes its rows and says what of a row its hash covers.
"""
