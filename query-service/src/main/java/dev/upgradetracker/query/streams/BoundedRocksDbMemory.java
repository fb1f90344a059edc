package dev.upgradetracker.query.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Every RocksDB store of this process draws on one block cache and one memtable budget within it
 * (Kafka Streams' documented recipe for bounded memory). Unbounded, each store of each partition
 * keeps its own 50 MiB cache and up to three 16 MiB memtables: with a dozen stores over twelve
 * partitions a query service outgrew 700 MiB of resident memory under a sustained load.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** All the stores' memory outside the JVM's heap: block cache and memtables together. */
  private static final long TOTAL_BYTES = 64L << 20;

  /** Of which memtables, charged to the same cache; a full budget makes the largest flush. */
  private static final long MEMTABLE_BYTES = 24L << 20;

  private static final long MEMTABLE_SIZE = 4L << 20;
  private static final double HIGH_PRIORITY_RATIO = 0.1;

  // one per process, as the stores are: never closed by a store, they live as long as the JVM
  private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, HIGH_PRIORITY_RATIO);
  private static final WriteBufferManager WRITE_BUFFERS =
      new WriteBufferManager(MEMTABLE_BYTES, CACHE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    var table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFERS);
    options.setWriteBufferSize(MEMTABLE_SIZE);
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and the write buffer manager are every store's: closing them here would pull
    // them from under the others
  }
}
