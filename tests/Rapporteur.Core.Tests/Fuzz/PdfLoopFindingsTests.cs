using Rapporteur.Core.Sources;

namespace Rapporteur.Core.Tests.Fuzz;

/// <summary>
/// PDFs the coverage-guided fuzzer made from the sample corpus's PDFs, each of which once ended
/// the process with a stack overflow: a form drawing itself through a name its page's resources
/// give it, and objects that are only references to each other. Each must end as a read or a
/// named refusal within the fuzz bound.
/// </summary>
[Collection(HostileInputs.Collection)]
public sealed class PdfLoopFindingsTests
{
    public static TheoryData<string> Found => new()
    {
        "JVBERi0xLjcKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKAIAgL1R5cGUgL3MgL0tpZHMgWzMgMCBSXSAvQ291bnQgMSA+PgplbmNvYmoKM1NpemUgNgo8PCAvVHlwZSAvUGFnZSAvUGFyZW50IDIgMCBSIC9NZWRpYUJveCBbMCAwIDYxMiA3OTJdIC9Db250ZW50cyA0IDAgUiAvUmVzb3VyY2VzIDw8IC9Gb250IDw8IC9GMSA1IDAgUiA+PiAgPj4gPj4KZW5kb2JqCjQgMCBvYmoKPDwgL0xlbmd0aCA2OSAvRmlsdGVyIC9GbGF0ZURlY29kZSA+PgpzdINldW0KeNpzClHQdzNUMG50cyA0IDAgUiDElKz80qK81BSFxPTEzDxNhZAsBdcQLoVRMApGwbAQABJfjKAKZW5Xc3RyZWFtCmVuZG9iago1SUlJIDAgb2JqIG4gCnRyYWlsZXIKPDwgL1NpemUgNiAvAAAAASAxIDAgUiBSPgqOdA==",
        "JVBERi0xLjcgb2JqCzw8ID4+CmUyIDAgb2JqCi43CjEgMCBvYmoKPDwgL1R5cGUgL0NhdGFsb2cgL1BhZ2VzIDIgMCBSID4+CmVuZG9iagoyIDAgb2JqCjw8IC9UeXBlIC9QYWdlcyAvS2lkcyBbMyAwIFJdIC9Db3VudCAxID4+CmVuZG9iagozIDAgb2JqCjw8IC9UeXBlIC9QYWdlIC9QYXJlbnQgMiD/f1IgL01lZGlhQm94PlswIDAgNjEyIDc5Ml0gL0NvbnRlbnRzIDQgMCBSIC9SZXNvdXJjZXMgPDwgL7lvbnQgPDwgL0YxIDUgMCBSID4+IC9YT2JqZWN0IDw8IC9TdGFtcCA2IDAgUiA+PiA+PiA+PgplbmRvYmoKNCAwIG9iago8PCAvTGVuZ3RoIDI4ICA+PgpzdHJlYW0KcSAvU3RhbXAgRG8gUSBxIC9TdGFtcCBEbyBRCgplbmRzdEAAYW0KZW5kb2JqCzUgMCBvYmoKPDwgL1R5cGUgLyAvU3VlIC9UIC9CYW50IC9ldGljYSA+PgplbmRvYmoKNiAwIG9iago8PCAvImVuZ3RoIDU1IC9UeXBlIC9YT2JqZWN0IC9TdWJ0eXBlIC9Gb3JtIC9CQm94IFswIDAgNjEyIDc5Ml0gL1Jlc291cmNlcyA8PCAvZm9udCA8PCAvRjEgNSAwIFIgPj4gPj4gPj4Kc3RyZWFtCkJUIC9GMSAxMiBUZiA3MiA3MnRhbXAgRG8gUSBxIC9TdGFtcCBEbyBRCgplbmRzdCBUaiBFVAoKZW5kc3RyZWFtCmVuZG9yagp4cmVmCjA=",
        "JVBERi0xLjcgb2JqCzw8ID4+CmUyIDAgb2JqCi43CjEgMCBvYmoKPDwgL1R5cGUgL0NhdGFsb2cgL1BhZ2VzIDIgMCBSID4+CmVuZG9iagoyIDAgb2JqCjw8IC9UeXBlIC9QYWdlcyAvS2lkcyBbMyAwIFJdIC9Db3VudCAxID4+CmVuZG9iagozIDAgb2JqCjw8IC9UeXBlIC9QYWdlIC9QYXJlbnQgMSD/f1IgL01lZGlhQm94IFswIDAgNjEyIDc5Ml0gL0NvbnRlbnRzIDQgMCBSIC9SZXNvdXJjZXMgPDwgL7lvbnQgPDwgL0YxIDUgMCBSID4+IC9YT2JqZWN0IDw8IC9TdGFtcCA2IDAgUiA+PiA+PiA+PgplbmRvYmoKNCAwIG9iago8PCAvTGVuZ3RoIDI4ICA+PgpzdHJlYW0KcSAvU3RhbXAgRG8gUSBxIC9TdGFtcCBEbyBRCgplbmRzdEAAYW0KZW5kb2JqCjWNMCBvYmoKPDwgL1R5cGUgLyAvU3VlIC9UMS9CYW50IC9ldGljYSA+PgplbmRvYmoKNiAwIG9iago8PCAvTGVuZ3RoIDU1IC9UeXBlIC9YT2JqZWN0IC9TdWJ0eXBlIC9Gb3JtIC9CQm94IFswIDAgNjEyIDc5Ml0gL1Jlc291cmNlcyA8PCAvZm9udCA8PCAvRjEgNSAwIFIgPj4gPj4gPj4Kc3RyICA+PgpzdHJlYW0KcSAvU3RhbXAgRG8gUSAgKFN0YW1wZWQgYnkgdGhlIG1vbml0b3JzKSBUaiBFVAoKZW5kc3RyZWFtCmVuZG9yagp4cmVmCjA=",
        "JVBERi0xLjcgb2JqCzw8ID4+CmUyIDAgb2JqCi43CjEgMCBvYmoKPDwgL1R5cGUgL0NhdGFsb2cgL1BhZ2VzIDIgMCBSID4+CmVuhG9iagoyIDAgb2JqCjw8IC9UeXBlIC9QYWdlcyAvS2lkcyBbMyAwIFJdIC9Db3VudCAxID4+CmVuZG9ihQozIDAgb2JqCjw8IC9UeXBlIC9QYWdlIC9QYXJlbnQgMiD/f1IgL01lZGlhQm94IFswIDAgNjEyIDc5Ml0gL0NvbnRlbnRzIDQgMCBSIC9SZXNvdXJjZXMgPDwgL7lvbnQgPDwgL0YxIDUgMCBSID4+IC9YT2JqZWN0IDw8IC9TdGFtcCA2IDAgUiA+PiA+PiA+PgplbmRvYmoKNCAwIG9iago8PCAvTGVuZ3RoIDI4ICA+PgpzdHJlYW0KcSAvU3RhbXAgRG8gUSBxIC9TdGFtcCBEbyBRCgplbmRzdEAAYW0KZW5kb2JqCjUgMCBvYmoKPDwgL1R5cGUgLyAvU3VlIC9UIC9CYW50IC9ldGljYSA+PgplbmRvYmoKNiAwIG9iago8PCAvTGVuZ3RoIDU1IC9UeXBlIC9YT2JqZWN0IC9TdWJ0eXBlIC9Gb3JtIC9CQm94IFswIDAgNjEyIDc5Ml0gL1Jlc291cmNlcyA8PCAvZm9udCA8PCAvRjEgNSAwIFIgPj4TPj4gPj4Kc3RyZWFtCkJUIC9GMSAxMiBUZi9TdGFtcCBEbyBRCgplbmRzdEAAYW0KZW5kb2JqCml0b3JzKSBUaiBFVAoKZW5kc3RyZWFtCmVuZG9yagp4cmVmCjA=",
        "JVBERi0xLjcgb2JqCzw8ID4+CmUyIDAgb2JqCi43CjEgMCBvYmoKPDwgL1R5cGUgL0NhdGFsb2cgL1BhZ2VzIDIgMCBSID4+CmVuZG9iagoyIDAgb2JqCjw8IC9UeXBlIC9QYWdlcyAvS2lkcyBbMyAwIFJdIC9Db3VudCAxID4+CmVuZG9iagozIDAgb2JqCjw8IC9UeXBlIC9QYWdlIC9QYXJlbnQgMiAwIFIgL01lZGlhQm94IFswIDAgNjEyIDc5Ml0gL0NvbnRlbnRzIDQgMCBSIC9SZXNvdXJjZXMgPDwgL0ZvbnQgPDwgL0YxIDUgMCBSID4+IC9YT2JqZWN0IDw8IC9TdGFtcCA2IDAgUiA+PiA+PiA+PgplbmRvYmoKNCAwIG9iago8PCAvTGVuZ3RoIDI4ICA+PgpzdHJlYW0KcSAvU3RhbXAgRG8gUSBxIC9TdGFtcCBEbyBRCgplbmRzdHJlYW0KZW5kb2JqCjUgMCBvYmoKPDwgL1R5cGUgL0ZvbgIAL1N1YnR5cGUgL1R5cGUxIC9CYXNlRm9udCAvSGVsdmV0aWNhID4+CmVuZG9iago2IDAgb2JqCjw8IC9MZW5ndGggNTUgL1R5cGUgL1hPYiAvU3VidHlwZSAvRm9ybSAvQkJveCBbMCAwIDYxMiA3OTJdIC9SZXNvdXJjZXMgPDwgL0ZvbnQgPDwgL0YxIDUgMCBSID4+ID4+ID4+CnN0cmVhbQpCVCAvRjEgMTIgNSBmIAowMDAwMDAwNTggMDAwMDBkIGJ5IHRoZSBtb24gcSAvU3RhbXAgRG8gUQoKZW5kaXRvcnMpIFRqIEVUCgplbmRzdHJlYW0KZW5kb2JqCnhy",
    };

    [Theory]
    [MemberData(nameof(Found))]
    public void A_pdf_that_once_overflowed_the_stack_is_read_or_refused_by_name(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var target = FuzzTarget.All.Single(t => t.Name == "pdf");

        var failure = target.Check(bytes, "found.pdf", ReaderFuzzTests.Bound(bytes.Length), out _);

        Assert.Null(failure);
    }

    [Fact]
    public void A_form_that_draws_itself_through_its_page_s_resources_is_refused()
    {
        var pdf = PdfBytes.Document(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Stamp 5 0 R >> >> >>",
            PdfBytes.Stream("q /Stamp Do Q"u8.ToArray()),
            PdfBytes.Stream("BT ET q /Stamp Do Q"u8.ToArray(), "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << >>"));

        var result = new PdfReader().Read(new SourceInput(pdf, "loop.pdf", DateTimeOffset.UnixEpoch, "application/pdf"));

        var refused = Assert.IsType<Refused>(result);
        Assert.Contains("inside itself", refused.Detail, StringComparison.Ordinal);
    }
}
