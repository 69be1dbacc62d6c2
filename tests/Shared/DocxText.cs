using System.Text;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeHarbor.TestSupport;

/// <summary>
/// The text of a DOCX element as a reader sees it (tabs kept; the invisible word joiners that keep numbers
/// and dates on one line left out), for the document tests of both test projects.
/// </summary>
internal static class DocxText
{
    public static string Of(OpenXmlElement element)
    {
        var text = new StringBuilder();
        foreach (var e in element.Descendants())
        {
            if (e is W.Text t)
            {
                text.Append(t.Text.Replace("\u2060", "", StringComparison.Ordinal));
            }
            else if (e is W.TabChar)
            {
                text.Append('\t');
            }
        }
        return text.ToString();
    }
}
