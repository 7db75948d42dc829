"""Clients of outside systems' protocols (the SMS gateway) and the helper that runs a local stand-in server.

A foundation: no models, and it imports no app, so the registry (sign-in codes by SMS), the satellites and the
stand-ins of every layer can use it without an arrow running back up.
"""
