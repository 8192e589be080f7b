"""PDF output made with reportlab: registers, reports and generated documents (Qt-free)."""
