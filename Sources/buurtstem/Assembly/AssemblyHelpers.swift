import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// The single assembly that is called or open, or a clear error.
func currentAssembly(_ db: AppDatabase) throws -> AssemblyID {
    let active = try db.assemblies().filter { $0.state == .called || $0.state == .open }
    guard active.count == 1 else {
        throw ValidationError(active.isEmpty ? "no assembly is called or open" : "several assemblies are active; say which with --assembly")
    }
    return active[0].id
}

func describe(_ quorum: QuorumStatus) -> String {
    quorum.needed == 0
        ? "No quorum is required."
        : "Quorum: \(quorum.counted) of \(quorum.needed) needed — \(quorum.met ? "met" : "not met") (\(quorum.source.cited(in: .en)))."
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
