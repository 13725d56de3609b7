namespace Rapporteur.Core.Sources;

/// <summary>Reads one family of media types. Readers say what they read; <see cref="SourceReaders"/> picks.</summary>
public interface ISourceReader
{
    /// <summary>How sure the reader is that it reads this input: 0 no, 1 a guess by name, 2 the bytes say so.</summary>
    int Claims(SourceInput input);

    ReadResult Read(SourceInput input);
}
