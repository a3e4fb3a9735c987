import CQRencode
import Foundation

/// A QR code drawn on the server with the system libqrencode, as an SVG image: the enrolment page needs
/// no script and sends the secret to no one else.
enum QRCode {
    /// The SVG of `text` (error correction M), one square unit per module with a 4-module quiet zone;
    /// nil if the text does not fit in a QR code.
    static func svg(_ text: String) -> String? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width), margin = 4, size = width + 2 * margin
        var path = ""
        for y in 0..<width {
            for x in 0..<width where code.pointee.data[y * width + x] & 1 == 1 {
                path += "M\(x + margin) \(y + margin)h1v1h-1z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(size) \(size)" width="\(size * 6)" height="\(size * 6)" \
            shape-rendering="crispEdges"><rect width="\(size)" height="\(size)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }
}
