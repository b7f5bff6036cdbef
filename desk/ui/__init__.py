"""Everything Qt: windows, item models, delegates, dialogs. The only package importing PySide6."""
