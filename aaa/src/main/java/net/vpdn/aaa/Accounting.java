package net.vpdn.aaa;

import net.vpdn.aaa.acct.AccountingRecord;

/** Records session and tunnel accounting. Non-blocking: the record is queued and sent later. */
@FunctionalInterface
public interface Accounting {

    /** Queues {@code record}; when the queue is full the record is dropped and counted. */
    void account(AccountingRecord record);
}
