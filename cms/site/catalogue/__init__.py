"""Loads the MigranTech catalogue from the YAML data files in ``catalogue/``.

``source`` reads the files keeping line numbers, ``schemas`` checks their shape, ``streams``
turns YAML block lists into StreamField data checked by the blocks' own rules, ``records`` keeps
the loader from overwriting an editor's work, and ``kinds`` writes each kind of content.
"""
