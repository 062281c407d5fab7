FROM rabbitmq:3.13-management
COPY rabbitmq.conf /etc/rabbitmq/rabbitmq.conf
COPY definitions.json /etc/rabbitmq/definitions.json
RUN rabbitmq-plugins enable --offline rabbitmq_shovel rabbitmq_shovel_management
