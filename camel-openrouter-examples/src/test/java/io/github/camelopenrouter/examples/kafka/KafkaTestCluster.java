package io.github.camelopenrouter.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka 4.1 cluster in this JVM: one node in KRaft combined mode (broker and controller), on loopback, with
 * its log directories in a temporary folder. Plus the few client calls the tests make against it.
 *
 * <p>Public, in this module's test-jar, for the docs test: it runs the Kafka example's documented command against
 * this same broker.
 */
public final class KafkaTestCluster implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final Admin admin;

    private KafkaTestCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
    }

    public static KafkaTestCluster start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                // a consumer group's first member gets its partitions at once, not after the default 3 s
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // the offsets topic on the one node there is, in one partition instead of 50: groups start in a blink
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                // a test may give its consumers a short session, to see a killed member leave the group in seconds
                .setConfigProp("group.min.session.timeout.ms", "1000")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new KafkaTestCluster(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public void createTopics(String... names) throws Exception {
        admin.createTopics(Stream.of(names).map(name -> new NewTopic(name, 1, (short) 1)).toList()).all().get();
    }

    /** A topic of several partitions (a consumer group splits them among its members). */
    void createTopic(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }

    void send(String topic, String key, byte[] value, Map<String, String> headers) throws Exception {
        send(topic, null, key, value, headers);
    }

    /** Sends one record to the given partition, or where the key's hash puts it when {@code partition} is null. */
    void send(String topic, Integer partition, String key, byte[] value, Map<String, String> headers) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(record(topic, partition, key, value, headers)).get();
        }
    }

    /** A producer for many records in a row (the caller closes it). */
    KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    static ProducerRecord<String, byte[]> record(String topic, Integer partition, String key, byte[] value,
            Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes()));
        return record;
    }

    /** Every record of partition 0 of the topic, read from the beginning to the current end. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (records.size() < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    /** Every record of every partition of the topic, partition by partition, each in offset order. */
    List<ConsumerRecord<String, byte[]>> readAllPartitions(String topic) throws Exception {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> ends = endOffsets(partitions);
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (records.size() < total && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        records.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    /** Number of records on all partitions of the topic. */
    long totalEndOffset(String topic) throws Exception {
        return endOffsets(partitions(topic)).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The end offset of each partition of the topic, by partition number. */
    Map<Integer, Long> endOffsetsByPartition(String topic) throws Exception {
        Map<Integer, Long> ends = new TreeMap<>();
        endOffsets(partitions(topic)).forEach((partition, end) -> ends.put(partition.partition(), end));
        return ends;
    }

    /** The offsets the group committed on the topic, by partition number (partitions without a commit left out). */
    Map<Integer, Long> committedOffsets(String groupId, String topic) throws Exception {
        Map<Integer, Long> committed = new TreeMap<>();
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
                committed.put(partition.partition(), offset.offset());
            }
        });
        return committed;
    }

    /** Which partitions of the topic each member of the group holds now, by the member's client id (none yet: empty). */
    Map<String, List<Integer>> assignments(String groupId, String topic) throws Exception {
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
        Map<String, List<Integer>> byClient = new TreeMap<>();
        for (MemberDescription member : group.members()) {
            byClient.put(member.clientId(), member.assignment().topicPartitions().stream()
                    .filter(partition -> partition.topic().equals(topic))
                    .map(TopicPartition::partition).sorted().toList());
        }
        return byClient;
    }

    private List<TopicPartition> partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Number of records on partition 0 of the topic. */
    public long endOffset(String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
    }

    /** The offset the group committed for partition 0 of the topic, or null when it committed none. */
    Long committedOffset(String groupId, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata committed = offsets.get(new TopicPartition(topic, 0));
        return committed == null ? null : committed.offset();
    }

    /** A record's value as UTF-8 text. */
    public static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A record's last header of that name as UTF-8 text, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Text as a record value. */
    public static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        admin.close();
        cluster.close();
    }
}
