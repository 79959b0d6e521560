"""Private implementation of brainpy_math; the public modules re-export from here."""
