module "events_kafka" {
  source = "../../modules/msk"

  name               = "events-kafka"
  kafka_version      = "3.6.0"
  broker_count       = 3
  instance_type      = "kafka.m7g.large"
  volume_size_gb     = 1000
  private_subnet_ids = module.network.private_subnet_ids

  tags = {
    owner       = "platform-team"
    backstage   = "resource:events-kafka"
    environment = "prod"
  }
}
