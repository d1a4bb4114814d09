"""The desktop application (PySide6): the only package that imports Qt; it reaches data through the services."""
