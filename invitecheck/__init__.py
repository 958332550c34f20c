"""invitecheck: check patient and public involvement invitations."""

__version__ = "0.1.0"
