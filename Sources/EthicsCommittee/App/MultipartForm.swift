import Foundation
import MultipartKit
import NIOCore

/// A file sent in a multipart/form-data body.
public struct UploadedFile: Sendable {
    public let field: String
    public let filename: String
    public let bytes: [UInt8]
}

/// Splits a multipart/form-data body into text fields (as `FormFields`) and files.
enum MultipartForm {
    struct Parsed {
        var fields: [(String, String)] = []
        var files: [UploadedFile] = []
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func parse(_ body: ByteBuffer, boundary: String) throws -> Parsed {
        let parser = MultipartParser(boundary: boundary)
        var parsed = Parsed()
        var headers: [(String, String)] = []
        var data: [UInt8] = []
        parser.onHeader = { name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { buffer in data += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0 == "content-disposition" }?.1 ?? ""
            let name = parameter("name", in: disposition) ?? ""
            if let filename = parameter("filename", in: disposition) {
                if !filename.isEmpty || !data.isEmpty {
                    parsed.files.append(UploadedFile(field: name, filename: filename, bytes: data))
                }
            } else {
                parsed.fields.append((name, String(decoding: data, as: UTF8.self)))
            }
            headers = []
            data = []
        }
        try parser.execute(body)
        return parsed
    }

    /// A quoted parameter of a Content-Disposition header (`name="file"`).
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1]
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
