import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// The single assembly that is called or open, or a clear error.
func currentAssembly(_ db: AppDatabase) throws -> AssemblyID {
    let active = try db.assemblies().filter { $0.state == .called || $0.state == .open }
    guard active.count == 1 else {
        throw refusal(active.isEmpty ? "cliNoActiveAssembly" : "cliSeveralActiveAssemblies")
    }
    return active[0].id
}

func describe(_ quorum: QuorumStatus) -> String {
    quorum.needed == 0
        ? Speech.text("cliNoQuorumRequired")
        : Speech.text(
            quorum.met ? "cliQuorumMet" : "cliQuorumNotMet",
            ["counted": String(quorum.counted), "needed": String(quorum.needed), "source": quorum.source.cited(in: Speech.language)])
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
