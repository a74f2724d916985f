"""The certificates' endpoints: public verification and keys, and the holder's own certificates."""
