FROM=$1
TO=$2
[ "$FROM" = "$TO" ] && exit 0
for file in $(egrep -r -l "${FROM}" apps/web/.next/ apps/web/public/); do
    sed -i -e "s|$FROM|$TO|g" "$file"
done
