-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "linkNonce" TEXT;
