"""Plain-Python pieces every layer may import (the lowest layer of tests/test_import_graph.py): the errors a
supporter's request can be refused with, and the delivery errors every provider adapter raises."""
