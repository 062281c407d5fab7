FROM public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine

USER root
RUN apk add --no-cache curl
COPY nginx.conf /etc/nginx/conf.d/default.conf
COPY dist/ /usr/share/nginx/html/

EXPOSE 8080
