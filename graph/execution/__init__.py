"""How operations run: kept documents, the cost limit, the fast list executor, served views."""
