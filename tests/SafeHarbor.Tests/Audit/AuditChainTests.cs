using SafeHarbor.Audit;

namespace SafeHarbor.Tests.Audit;

/// <summary>
/// The audit trail is tamper-evident: each entry's SM3 hash covers its content and the previous hash,
/// and the head records the last entry, so any edit, deletion, insertion or reordering is found and the
/// first bad entry is named.
/// </summary>
[Article("6")]
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static AuditEntry Entry(long sequence, string previousHash, string action = "Apply", string details = "{}")
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            OccurredAt = Start.AddMinutes(sequence),
            ActorUserId = Guid.NewGuid(),
            ActorName = $"用户{sequence}",
            ActingAs = "申请人",
            Action = action,
            EntityType = "Case",
            EntityId = "2026-0007",
            CaseId = Guid.NewGuid(),
            Details = details,
            PreviousHash = previousHash,
            Hash = "",
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    /// <summary>A properly linked chain of <paramref name="count"/> entries and its head.</summary>
    private static (List<AuditEntry> Entries, AuditHead Head) Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditEntry.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            var e = Entry(i, previous, details: $"{{\"step\":{i}}}");
            entries.Add(e);
            previous = e.Hash;
        }
        return (entries, new AuditHead { LastSequence = count, LastHash = previous });
    }

    private static AuditVerification Verify(IEnumerable<AuditEntry> entries, AuditHead? head)
    {
        var verifier = new AuditChainVerifier();
        foreach (var e in entries)
        {
            if (!verifier.Accept(e))
            {
                break;
            }
        }
        return verifier.Finish(head);
    }

    [Fact]
    public void Intact_chain_passes()
    {
        var (entries, head) = Chain(5);

        var result = Verify(entries, head);

        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(5, result.EntriesChecked);
        Assert.Null(result.FirstBadSequence);
        Assert.Contains("共 5 条记录", result.Message);
    }

    [Fact]
    public void Empty_log_with_no_head_is_intact()
    {
        Assert.True(Verify([], null).IsIntact);
    }

    [Fact]
    public void Hash_is_a_64_character_lowercase_hex_sm3_digest_of_the_content()
    {
        var e = Entry(1, AuditEntry.GenesisHash);

        Assert.Matches("^[0-9a-f]{64}$", e.Hash);
        Assert.Equal(e.Hash, e.ComputeHash());
        e.Details = "{\"x\":1}";
        Assert.NotEqual(e.Hash, e.ComputeHash());
    }

    [Fact]
    public void Canonical_content_escapes_line_breaks_so_fields_cannot_be_shifted()
    {
        var a = Entry(1, AuditEntry.GenesisHash, action: "A\nB", details: "C");
        var b = Entry(1, AuditEntry.GenesisHash, action: "A", details: "B\nC");

        Assert.NotEqual(a.CanonicalContent(), b.CanonicalContent());
    }

    [Theory]
    [InlineData(nameof(AuditEntry.Details))]
    [InlineData(nameof(AuditEntry.ActorName))]
    [InlineData(nameof(AuditEntry.Action))]
    [InlineData(nameof(AuditEntry.OccurredAt))]
    public void Modified_content_fails_at_the_modified_entry(string field)
    {
        var (entries, head) = Chain(5);
        var target = entries[2];
        switch (field)
        {
            case nameof(AuditEntry.Details): target.Details = "{\"step\":99}"; break;
            case nameof(AuditEntry.ActorName): target.ActorName = "他人"; break;
            case nameof(AuditEntry.Action): target.Action = "Archive"; break;
            default: target.OccurredAt = target.OccurredAt.AddDays(-1); break;
        }

        var result = Verify(entries, head);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("第 3 条", result.Message);
        Assert.Contains("内容被修改", result.Message);
        Assert.Equal(2, result.EntriesChecked);
    }

    [Fact]
    public void Modified_content_with_a_recomputed_hash_fails_at_the_next_entry()
    {
        var (entries, head) = Chain(5);
        entries[2].Details = "{\"step\":99}";
        entries[2].Hash = entries[2].ComputeHash();

        var result = Verify(entries, head);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBadSequence);
        Assert.Contains("衔接不上", result.Message);
    }

    [Fact]
    public void Deleted_middle_entry_fails_at_the_missing_sequence()
    {
        var (entries, head) = Chain(5);
        entries.RemoveAt(2);

        var result = Verify(entries, head);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("第 3 条记录缺失", result.Message);
    }

    [Fact]
    public void Deleted_middle_entry_with_renumbered_successors_fails_where_the_link_breaks()
    {
        var (entries, head) = Chain(5);
        entries.RemoveAt(2);
        for (var i = 2; i < entries.Count; i++)
        {
            entries[i].Sequence = i + 1;
        }

        var result = Verify(entries, head);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
    }

    [Fact]
    public void Inserted_entry_fails_at_the_first_entry_out_of_place()
    {
        var (entries, head) = Chain(5);
        // A forged entry that links properly to entry 2 and takes sequence 3.
        entries.Insert(2, Entry(3, entries[1].Hash, action: "Decide"));

        var result = Verify(entries, head);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("插入", result.Message);
    }

    [Fact]
    public void Entry_appended_without_moving_the_head_fails_at_the_end()
    {
        var (entries, head) = Chain(5);
        entries.Add(Entry(6, entries[^1].Hash));

        var result = Verify(entries, head);

        Assert.False(result.IsIntact);
        Assert.Equal(6, result.FirstBadSequence);
        Assert.Contains("链尾", result.Message);
    }

    [Fact]
    public void Swapped_entries_fail_at_the_first_swapped_position()
    {
        var (entries, head) = Chain(5);
        (entries[1], entries[2]) = (entries[2], entries[1]);

        var result = Verify(entries, head);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBadSequence);
    }

    [Fact]
    public void Swapped_entries_with_swapped_sequence_numbers_fail_at_the_first_swapped_position()
    {
        var (entries, head) = Chain(5);
        (entries[1], entries[2]) = (entries[2], entries[1]);
        (entries[1].Sequence, entries[2].Sequence) = (2, 3);

        var result = Verify(entries, head);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBadSequence);
        Assert.Contains("衔接不上", result.Message);
    }

    [Fact]
    public void Deleted_last_entry_fails_against_the_head()
    {
        var (entries, head) = Chain(5);
        entries.RemoveAt(4);

        var result = Verify(entries, head);

        Assert.False(result.IsIntact);
        Assert.Equal(5, result.FirstBadSequence);
        Assert.Contains("末尾", result.Message);
        Assert.Equal(4, result.EntriesChecked);
    }

    [Fact]
    public void Head_pointing_at_a_different_last_hash_fails()
    {
        var (entries, head) = Chain(5);
        head.LastHash = entries[3].Hash;

        var result = Verify(entries, head);

        Assert.False(result.IsIntact);
        Assert.Equal(6, result.FirstBadSequence);
    }

    [Fact]
    public void Missing_head_for_a_non_empty_log_fails()
    {
        var (entries, _) = Chain(3);

        var result = Verify(entries, null);

        Assert.False(result.IsIntact);
        Assert.Equal(1, result.FirstBadSequence);
    }

    [Fact]
    public void First_entry_not_linked_to_the_genesis_hash_fails()
    {
        var (entries, head) = Chain(3);
        entries[0] = Entry(1, new string('f', 64));

        var result = Verify(entries, head);

        Assert.False(result.IsIntact);
        Assert.Equal(1, result.FirstBadSequence);
    }

    [Fact]
    public void Verifier_stops_accepting_after_the_first_break()
    {
        var (entries, _) = Chain(5);
        entries[1].Details = "改";
        var verifier = new AuditChainVerifier();

        Assert.True(verifier.Accept(entries[0]));
        Assert.False(verifier.Accept(entries[1]));
        Assert.False(verifier.Accept(entries[2]));
        Assert.Equal(1, verifier.Checked);
        Assert.Equal(2, verifier.Finish(null).FirstBadSequence);
    }
}
