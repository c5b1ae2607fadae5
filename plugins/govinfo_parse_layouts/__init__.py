"""The layouts that ship with govinfo_parse.

Each module here is a plugin written exactly as a third party would write
one: ``@hookimpl`` functions only, registered through the ``govinfo_parse``
entry-point group of the package's metadata.
"""
