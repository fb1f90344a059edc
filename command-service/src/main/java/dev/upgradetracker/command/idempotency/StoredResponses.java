package dev.upgradetracker.command.idempotency;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StoredResponses extends JpaRepository<StoredResponse, String> {}
