// The Hummingbird 2 server: resident, check-in desk, board and projector pages and the JSON API.
// Arrives with the voting issue; see docs/ARCHITECTURE.md.
import BuurtstemCore
import BuurtstemStore
