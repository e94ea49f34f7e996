"""Writing a built site into place safely: where it may go, the lock, the swap."""
