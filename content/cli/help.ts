export const HELP = `kiosk-pack — 内容包工具 / content pack tool

  kiosk-pack init <文件夹 folder>
      新建一个可用的示例内容包 / start a working example pack
  kiosk-pack import-products <商品表.csv sheet> <内容包文件夹 pack folder>
      把商品表导入为 data/products.json / turn a product sheet into data/products.json
  kiosk-pack validate <内容包文件夹 pack folder> [--resize]
      检查所有内容，列出每个问题 / check everything and list every problem
  kiosk-pack build <内容包文件夹 pack folder> --key <密钥 key.json> --out <file.kpack> [--resize] [--unpacked <dir>]
      生成并签名 .kpack / build and sign the .kpack
  kiosk-pack keygen --out <key.json> [--name <名称 name>]
      生成签名密钥，输出给互动屏配置用的公钥 / make a signing key; prints the public key for kiosk configs
  kiosk-pack sign <file.kpack> --key <key.json> [--out <file.kpack>]
      用另一个密钥重新签名 / sign (again) with a key
  kiosk-pack verify <file.kpack> --trusted <公钥 pub.json> [--store <门店 id>] [--kiosk <设备 id>]
      按互动屏的标准完整检查 / check the pack exactly as a kiosk would
  kiosk-pack inspect <file.kpack> [--json]
      查看内容包信息（不验证）/ show what is in a pack (without verifying)
  kiosk-pack schema --out <文件夹 folder>
      写出内容包格式的 JSON Schema（供编辑器和其他系统使用）/ write the pack format as JSON Schema files (for editors and other systems)

退出码 exit codes: 0 成功 ok · 1 有问题 problems found · 2 用法错误 wrong usage
`;
