import ArgumentParser
import BuurtstemStore
import BuurtstemWeb

#if canImport(Glibc)
    import Glibc
#endif

/// `buurtstem serve --db FILE [--host 127.0.0.1] [--port 8080]`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the voting pages and the JSON API for an association.",
        discussion: """
            Residents vote on their phones at http://HOST:PORT/ with the code from their letter; the JSON
            API is under /api/v1 (see docs/api.md). Stops gracefully on SIGTERM or SIGINT. The command-line
            tool can work on the same database at the same time.

            Example:
              buurtstem serve --db wildeman.sqlite --port 8080
            """)
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port.") var port = 8080

    @Option(help: "Most connections at once (lowered to fit the open-file limit).") var maxConnections = 4_096
    @Option(
        name: .customLong("trusted-proxy"),
        help: "The address of a reverse proxy (Caddy) whose X-Forwarded-For and X-Forwarded-Proto are believed; repeat for more.")
    var trustedProxies: [String] = []

    func run() async throws {
        let db = try database.open()
        let descriptors = Self.raiseDescriptorLimit()
        let limits = ConnectionLimits(total: maxConnections).fitting(descriptors: descriptors)
        print(
            "Buurtstem serves \(try database.path()) at http://\(host):\(port)/ (Ctrl-C stops); "
                + "at most \(limits.total) connections (\(descriptors) open files allowed)")
        fflush(nil)  // every output stream: the line shows at once when the output is a file
        try await BuurtstemServer.run(
            database: db, host: host, port: port, connections: ConnectionRegistry(limits: limits), trustedProxies: Set(trustedProxies))
    }

    /// Raises the soft open-file limit to the hard one where allowed; returns the limit in force.
    static func raiseDescriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1_024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, 65_536)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(min(limit.rlim_cur, 1 << 20))
    }
}
