"""invitecheck: check patient and public involvement invitations."""

__version__ = "0.1.0"

# Where the project lives; the generated rule pages (docs/rules/) are published under it,
# and SARIF links each rule to its page. Change it here when the repository moves.
HOME = "https://github.com/YOUR-ORG/invitecheck"
RULE_PAGES = f"{HOME}/blob/main/docs/rules/"
