import Testing
@testable import EthicsCommittee

@Suite struct CSVTests {
    @Test func quotesOnlyWhatNeedsQuotingAndEndsLinesWithCRLF() {
        #expect(CSV.line(["plain", "a,b", "say \"hi\"", "two\nlines"]) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
        #expect(CSV.line(["été", ""]) == "été,\r\n")
    }

    @Test func formulasTypedBySomeoneStayText() {
        #expect(CSV.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSV.field("+33 1 23") == "'+33 1 23")
        #expect(CSV.field("-1") == "'-1")
        #expect(CSV.field("@sum") == "'@sum")
        #expect(CSV.field("a=b") == "a=b")
    }

    @Test func aDocumentStartsWithTheByteOrderMarkThenTheHeader() {
        let text = CSV.document(header: ["id", "title"], rows: [["1", "Chatbot"]])
        #expect(text == "\u{FEFF}id,title\r\n1,Chatbot\r\n")
    }
}
