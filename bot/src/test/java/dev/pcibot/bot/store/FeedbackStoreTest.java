package dev.pcibot.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class FeedbackStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-21T15:00:00Z");

    private DataSource ds;
    private FeedbackStore feedback;
    private long replyId;

    @BeforeEach
    void setUp() {
        ds = TestDatabase.migrated();
        feedback = new FeedbackStore(ds);
        replyId = new ReplyStore(ds)
                .save(ReplyKind.DIAGNOSIS, 10L, 20L, 30L, null, List.of(List.of("iommu-not-enabled")), T0)
                .id();
    }

    @Test
    void secondVoteBySameUserUpdatesInsteadOfDuplicating() throws SQLException {
        // given a first vote "helpful"
        feedback.vote(new Vote(replyId, "iommu-not-enabled", 10L, 20L, 7L, true, T0));
        // when the same user changes their mind
        feedback.vote(new Vote(replyId, "iommu-not-enabled", 10L, 20L, 7L, false, T0.plusSeconds(5)));
        // then one row, now "not helpful", with the later time
        assertEquals(1, rowCount());
        assertEquals(new Tally("iommu-not-enabled", 0, 1), feedback.tally("iommu-not-enabled"));
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT voted_at, guild_id, channel_id FROM feedback")) {
            rs.next();
            assertEquals(T0.plusSeconds(5), rs.getTimestamp(1).toInstant());
            assertEquals(10L, rs.getLong(2));
            assertEquals(20L, rs.getLong(3));
        }
    }

    @Test
    void votesOfDifferentUsersAndItemsAreCountedApart() {
        feedback.vote(new Vote(replyId, "iommu-not-enabled", 10L, 20L, 1L, true, T0));
        feedback.vote(new Vote(replyId, "iommu-not-enabled", 10L, 20L, 2L, true, T0));
        feedback.vote(new Vote(replyId, "iommu-not-enabled", 10L, 20L, 3L, false, T0));
        feedback.vote(new Vote(replyId, "host-driver-bound", null, 20L, 1L, false, T0));

        Tally iommu = feedback.tally("iommu-not-enabled");
        assertEquals(new Tally("iommu-not-enabled", 2, 1), iommu);
        assertEquals(2.0 / 3, iommu.precision(), 1e-9);
        assertEquals(
                List.of(new Tally("host-driver-bound", 0, 1), new Tally("iommu-not-enabled", 2, 1)),
                feedback.tallies());
    }

    @Test
    void aServerSeesOnlyTheVotesCastInIt() {
        feedback.vote(new Vote(replyId, "iommu-not-enabled", 10L, 20L, 1L, true, T0));
        feedback.vote(new Vote(replyId, "iommu-not-enabled", 11L, 21L, 2L, false, T0));
        feedback.vote(new Vote(replyId, "host-driver-bound", 11L, 21L, 2L, false, T0));
        feedback.vote(new Vote(replyId, "host-driver-bound", null, 22L, 3L, true, T0)); // a DM
        assertEquals(List.of(new Tally("iommu-not-enabled", 1, 0)), feedback.tallies(10L));
        assertEquals(List.of(new Tally("host-driver-bound", 0, 1), new Tally("iommu-not-enabled", 0, 1)),
                feedback.tallies(11L));
        assertEquals(List.of(), feedback.tallies(12L));
    }

    @Test
    void itemWithoutVotesHasZeroCountsAndNoPrecision() {
        Tally none = feedback.tally("never-voted");
        assertEquals(new Tally("never-voted", 0, 0), none);
        assertTrue(Double.isNaN(none.precision()));
    }

    @Test
    void voteOnUnknownReplyIsRefusedByTheDatabase() {
        StoreException e = assertThrows(
                StoreException.class,
                () -> feedback.vote(new Vote(99_999L, "x", 1L, 2L, 3L, true, T0)));
        assertTrue(e.getMessage().contains("could not store the vote on x"), e.getMessage());
    }

    private int rowCount() throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM feedback")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
