// Storage for one association (SQLite through GRDB): migrations, records, the audit log and the
// batched vote writer. Arrives with the register issue; see docs/ARCHITECTURE.md.
import BuurtstemCore
