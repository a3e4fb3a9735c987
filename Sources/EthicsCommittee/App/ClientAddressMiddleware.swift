import Foundation
import HTTPTypes
import Hummingbird

/// Behind a reverse proxy every request comes from the proxy's address, so throttling and the audit trail
/// would see one client. Only when the socket peer is a configured proxy is `X-Forwarded-For` read.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustedProxies: Set<String>

    init(trustedProxies: [String]) { self.trustedProxies = Set(trustedProxies.map(ClientAddress.normalized)) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !trustedProxies.isEmpty else { return try await next(request, context) }
        var context = context
        context.client = ClientAddress.resolve(peer: context.peer, forwardedFor: request.headers[values: .xForwardedFor],
                                               trusted: trustedProxies)
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}

/// Which address made a request, given the socket peer and the `X-Forwarded-For` header(s).
enum ClientAddress {
    /// The peer unless it is a trusted proxy; then, walking `X-Forwarded-For` from the right (each proxy appends
    /// the address it saw), the first address that is not a trusted proxy. The left part is whatever the client
    /// sent, so it is never believed; a malformed entry stops the walk at the last address known good.
    static func resolve(peer: String, forwardedFor: [String], trusted: Set<String>) -> String {
        guard trusted.contains(normalized(peer)) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { normalized(String($0)) }
        var client = peer
        for hop in hops.reversed() {
            guard isAddress(hop) else { break }
            client = hop
            if !trusted.contains(hop) { break }
        }
        return client
    }

    /// Trimmed, lower case, without IPv6 brackets.
    static func normalized(_ address: String) -> String {
        var text = address.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        return text
    }

    /// An IPv4 or IPv6 address in text form (digits, hex, dots, colons), nothing else.
    static func isAddress(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 45 && text.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
            && (text.contains(".") || text.contains(":"))
    }
}
